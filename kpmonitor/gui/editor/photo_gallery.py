"""The photos section: a thumbnail gallery that takes files and folders dropped from a camera's card.

Photos are imported by a worker (``PhotoIngestWorker``): it verifies each
file and writes its original bytes to the vault off the GUI thread; each
photo's row is recorded here, on the GUI thread that owns the database, as
soon as its bytes are safe. Thumbnails are decoded by another worker and
appear as they arrive (threads: ``gui.common.workers``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.fields import TextField, describe_moment
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label, safe_tooltip
from kpmonitor.gui.common.workers import PhotoIngestWorker, ThumbnailWorker, start
from kpmonitor.gui.editor.history import Said, Where

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection, PhotoRef
    from kpmonitor.evidence.photos import PhotoInfo
    from kpmonitor.gui.editor.photo_viewer import PhotoViewerDialog
    from kpmonitor.gui.session import InspectionSession

log = logging.getLogger(__name__)

THUMB = 160
PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF"


def _placeholder(color: QColor) -> QIcon:
    pixmap = QPixmap(THUMB, THUMB * 3 // 4)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(color)
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return QIcon(pixmap)


def human_size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class PhotosModel(QAbstractListModel):
    """The inspection's photos with their thumbnails, which arrive from a worker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.photos: list[PhotoRef] = []
        self.thumbnails: dict[str, QIcon] = {}
        self.placeholder = QIcon()

    def set_photos(self, photos: list[PhotoRef]) -> None:
        if [p.id for p in photos] == [p.id for p in self.photos]:
            self.photos = list(photos)
            if photos:
                self.dataChanged.emit(self.index(0), self.index(len(photos) - 1))
            return
        self.beginResetModel()
        self.photos = list(photos)
        self.endResetModel()

    def missing_thumbnails(self) -> list[str]:
        return [p.sha256 for p in self.photos if p.sha256 not in self.thumbnails]

    def set_thumbnail(self, sha: str, image: QImage) -> None:
        self.thumbnails[sha] = QIcon(QPixmap.fromImage(image))
        for row, photo in enumerate(self.photos):
            if photo.sha256 == sha:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.photos)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.photos):
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or photo.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.get(photo.sha256, self.placeholder)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.original_name]
            if photo.parcel:
                lines.append(self.tr("Parcel {number}").format(number=photo.parcel))
            if photo.seal:
                lines.append(self.tr("Seal {number}").format(number=photo.seal))
            return safe_tooltip("\n".join(lines))
        if role == PHOTO_ROLE:
            return photo
        return None


class PhotosSectionWidget(QWidget):
    """Gallery, import (drag and drop, or the Add buttons) and the selected photo's details."""

    photos_added = Signal(int)      # an import finished: how many photos are new on the inspection
    import_failed = Signal(str)

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: PhotoIngestWorker | None = None
        self.thumbnail_worker: ThumbnailWorker | None = None
        self.viewer: PhotoViewerDialog | None = None
        self._added = 0
        self._refused: list[str] = []
        self.setAcceptDrops(True)

        self.model = PhotosModel(self)
        self.model.placeholder = _placeholder(self.palette().mid().color())
        self.gallery = QListView(self)
        self.gallery.setModel(self.model)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setIconSize(QSize(THUMB, THUMB))
        self.gallery.setGridSize(QSize(THUMB + 24, THUMB + 44))
        self.gallery.setSpacing(4)
        self.gallery.setWordWrap(True)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Drops are handled by the section (files from outside), not as moves inside the list.
        self.gallery.setDragEnabled(False)
        self.gallery.setAcceptDrops(False)
        self.gallery.viewport().setAcceptDrops(False)
        self.gallery.activated.connect(self._on_activated)
        self.gallery.selectionModel().currentChanged.connect(self._on_current_changed)

        self.add_button = QPushButton(self.tr("&Add photos…"), self)
        self.add_button.clicked.connect(self.choose_and_add_files)
        self.add_folder_button = QPushButton(self.tr("Add a &folder…"), self)
        self.add_folder_button.setToolTip(self.tr("Every photo in a folder and its subfolders, e.g. a card's DCIM"))
        self.add_folder_button.clicked.connect(self.choose_and_add_folder)
        self.view_button = QPushButton(self.tr("&View"), self)
        self.view_button.clicked.connect(self.view_selected)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setToolTip(self.tr("Detach the photo from this inspection"))
        self.remove_button.clicked.connect(self.remove_selected)
        hint = QLabel(self.tr("or drop photos and folders here"), self)
        hint.setEnabled(False)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress_label = plain_label("", self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.progress_box = QWidget(self)
        progress_layout = QHBoxLayout(self.progress_box)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress, 2)
        progress_layout.addWidget(self.progress_label, 3)
        progress_layout.addWidget(self.cancel_button)
        self.progress_box.hide()
        self.message = FeedbackLabel(self)
        self.message.setObjectName("photos_message")

        details = QGroupBox(self.tr("Selected photo"), self)
        self.caption = TextField(placeholder=self.tr("what the photo shows"), parent=details)
        self.caption.committed.connect(self._on_caption_committed)
        self.caption.typed.connect(self._on_caption_typed)
        self.link = QComboBox(details)
        self.link.activated.connect(self._on_link_chosen)
        self._link_shown = ""
        self.file_label = plain_label("", details, wrap=True)
        self.taken_label = plain_label("", details, wrap=True)
        self.gps_label = plain_label("", details, wrap=True)
        self.size_label = plain_label("", details, wrap=True)
        self.sha_label = plain_label("", details, wrap=True)
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(details)
        form.addRow(self.tr("&Caption"), self.caption)
        form.addRow(self.tr("&Shows"), self.link)
        form.addRow(self.tr("File"), self.file_label)
        form.addRow(self.tr("Taken"), self.taken_label)
        form.addRow(self.tr("GPS"), self.gps_label)
        form.addRow(self.tr("Size"), self.size_label)
        form.addRow(self.tr("SHA-256"), self.sha_label)
        self.details = details

        buttons = QHBoxLayout()
        for button in (self.add_button, self.add_folder_button, self.view_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(hint, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.gallery)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.message)

        for key, slot in (("Delete", self.remove_selected),):
            from PySide6.QtGui import QAction

            action = QAction(self.gallery)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.gallery.addAction(action)

        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)

    # --- showing ---------------------------------------------------------------------------

    def refresh(self, insp: Inspection) -> None:
        current = self.selected_photo()
        self.model.set_photos(insp.photos)
        if current is not None and self.selected_photo() is None:
            for row, photo in enumerate(insp.photos):
                if photo.id == current.id:
                    self.gallery.setCurrentIndex(self.model.index(row))
        if self.selected_photo() is None and insp.photos:
            self.gallery.setCurrentIndex(self.model.index(0))
        self._load_thumbnails()
        writable = not self.session.read_only
        for widget in (self.add_button, self.add_folder_button, self.remove_button, self.link):
            widget.setEnabled(writable)
        self.caption.set_read_only(not writable)
        self.setAcceptDrops(writable)
        self._show_details()

    def _load_thumbnails(self) -> None:
        missing = self.model.missing_thumbnails()
        if not missing or self.thumbnail_worker is not None:
            return
        worker = ThumbnailWorker(self.session.ws.vault, missing)
        worker.signals.thumbnail_loaded.connect(self.model.set_thumbnail)
        worker.signals.thumbnail_failed.connect(self._on_thumbnail_failed)
        worker.signals.finished.connect(self._on_thumbnails_finished)
        self.thumbnail_worker = start(worker)

    def _on_thumbnail_failed(self, sha: str, sentence: str) -> None:
        log.warning("thumbnail %s: %s", sha[:12], sentence)
        self.model.thumbnails[sha] = self.model.placeholder

    def _on_thumbnails_finished(self, _result: None) -> None:
        self.thumbnail_worker = None
        if self.model.missing_thumbnails():  # photos added while it ran
            self._load_thumbnails()

    def selected_photo(self) -> PhotoRef | None:
        row = self.gallery.currentIndex().row()
        return self.model.photos[row] if 0 <= row < len(self.model.photos) else None

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()

    def _show_details(self) -> None:
        photo = self.selected_photo()
        insp = self.session.inspection
        self.details.setEnabled(photo is not None)
        self.view_button.setEnabled(photo is not None)
        self.remove_button.setEnabled(photo is not None and not self.session.read_only)
        self.link.clear()
        self.link.addItem(self.tr("nothing in particular"), "")
        for p in insp.parcels:
            if p.id:
                self.link.addItem(self.tr("parcel {number}").format(number=p.number), f"parcel:{p.id}")
        for s in insp.seals:
            if s.id:
                self.link.addItem(self.tr("seal {number}").format(number=s.number), f"seal:{s.id}")
        if photo is None:
            self.caption.set_value("")
            for label in (self.file_label, self.taken_label, self.gps_label, self.size_label, self.sha_label):
                label.setText("")
            return
        self.caption.show_stored(photo.caption)
        link = ""
        if photo.parcel is not None:
            parcel = insp.parcel_by_number(photo.parcel)
            link = f"parcel:{parcel.id}" if parcel else ""
        elif photo.seal is not None:
            seal = next((s for s in insp.seals if s.number == photo.seal), None)
            link = f"seal:{seal.id}" if seal else ""
        self.link.setCurrentIndex(max(0, self.link.findData(link)))
        self._link_shown = str(self.link.currentData() or "")  # what the photo shows as stored, to name a change
        self.file_label.setText(f"{photo.original_name} ({photo.format}, {photo.width} × {photo.height})")
        self.taken_label.setText(describe_moment(photo.taken_at).removeprefix("= ") if photo.taken_at
                                 else self.tr("no time in the photo's EXIF data"))
        self.gps_label.setText(f"{photo.gps_lat:.5f}, {photo.gps_lon:.5f}"
                               if photo.gps_lat is not None and photo.gps_lon is not None
                               else self.tr("no position in the photo's EXIF data"))
        self.size_label.setText(human_size(photo.size))
        self.sha_label.setText(photo.sha256)

    # --- editing ---------------------------------------------------------------------------

    def _on_caption_typed(self, text: str) -> None:
        photo = self.selected_photo()
        if photo is not None:
            self.session.journal(f"photos/{photo.id}/caption", text)

    def _on_caption_committed(self, caption: str) -> None:
        photo = self.selected_photo()
        if photo is not None:
            self._set_caption(photo, caption, settles=f"photos/{photo.id}/caption")

    def _set_caption(self, photo: PhotoRef, caption: str, *, settles: str) -> bool:
        said = Said(self.tr("the caption of photo {name}").format(name=photo.original_name), photo.caption, caption)
        return self.session.update_row("photos", photo.id, {"caption": caption}, said=said,
                                       where=Where("photos", photo.id, "caption"), settles=settles)

    def recover(self, key: str, text: str) -> str | None:
        """Put back a caption an interruption left typed, saved as if typed now; None when there is nothing to."""
        _photos, photo_id, _field = key.split("/", 2)
        photo = next((p for p in self.session.inspection.photos if p.id == photo_id), None)
        caption = text.strip()
        if photo is None or caption == photo.caption:
            self.session.settle(key)
            return None
        if not self._set_caption(photo, caption, settles=key):
            return None
        return self.tr("the caption of photo {name} ({caption})").format(name=photo.original_name, caption=caption)

    def _on_link_chosen(self, _index: int) -> None:
        photo = self.selected_photo()
        if photo is None:
            return
        value = str(self.link.currentData() or "")
        kind, _, row_id = value.partition(":")
        changes = {"parcel_id": row_id if kind == "parcel" else None, "seal_id": row_id if kind == "seal" else None}
        shown = self.link.currentText()
        before = next((self.link.itemText(i) for i in range(self.link.count())
                       if self.link.itemData(i) == self._link_shown), "")
        said = Said(self.tr("what photo {name} shows").format(name=photo.original_name), before, shown)
        self.session.update_row("photos", photo.id, changes, said=said, where=Where("photos", photo.id, "link"))

    def confirm_remove(self, photo: PhotoRef) -> bool:
        from kpmonitor.gui.common.dialogs import confirm

        return confirm(self, self.tr("Remove photo"),
                       self.tr("Detach {name} from this inspection? The original stays in the photo store.")
                       .format(name=photo.original_name))

    def remove_selected(self) -> None:
        photo = self.selected_photo()
        if photo is None or self.session.read_only or not self.confirm_remove(photo):
            return
        said = Said(self.tr("detach photo {name}").format(name=photo.original_name))
        self.session.remove_row("photos", photo.id, said=said, where=Where("photos", photo.id))

    def view_selected(self) -> None:
        row = self.gallery.currentIndex().row()
        if 0 <= row < len(self.model.photos):
            self.open_viewer(row)

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_viewer(index.row())

    def open_viewer(self, row: int) -> PhotoViewerDialog:
        from kpmonitor.gui.editor.photo_viewer import PhotoViewerDialog

        if self.viewer is None:
            self.viewer = PhotoViewerDialog(self.session.ws.vault, self)
        self.viewer.show_photos(self.model.photos, row)
        self.viewer.show()
        self.viewer.raise_()
        return self.viewer

    # --- importing -------------------------------------------------------------------------

    def choose_files(self) -> list[Path]:
        """Ask for photo files; tests replace this."""
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                      self.tr("Photos ({patterns})").format(patterns=FILE_FILTER))
        return [Path(n) for n in names]

    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Add every photo in a folder"))
        return Path(name) if name else None

    def choose_and_add_files(self) -> None:
        files = self.choose_files()
        if files:
            self.add_files(files)

    def choose_and_add_folder(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self.add_files([folder])

    def add_files(self, paths: list[Path]) -> bool:
        """Start importing files and folders in the background; False if an import is already running."""
        if self.session.read_only:
            return False
        if self.worker is not None:
            self.message.show_error(self.tr("Photos are being imported; wait for them, or cancel, before adding more."))
            return False
        worker = PhotoIngestWorker(self.session.ws.vault, paths)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.photo_stored.connect(self._on_photo_stored)
        worker.signals.photo_refused.connect(self._on_photo_refused)
        worker.signals.finished.connect(self._on_import_finished)
        worker.signals.failed.connect(self._on_import_failed)
        self.worker = start(worker)
        self._added = 0
        self._refused = []
        self.message.show_understood("")
        self.progress.setRange(0, 0)  # busy until the folders have been searched
        self.progress_label.setText(self.tr("Looking for photos…"))
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        return True

    def cancel_import(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping after the current photo…"))

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if name and not (self.worker and self.worker.cancelled):
            self.progress_label.setText(self.tr("{name} ({number} of {total})").format(
                name=name, number=done + 1, total=total))

    def _on_photo_stored(self, _path: Path, info: PhotoInfo) -> None:
        # The bytes are fsynced in the vault; now the row, through the one writer.
        session = self.session
        created: list[bool] = []

        def attach() -> None:
            _photo_id, new = session.ws.attach_photo(session.inspection_id, info)
            created.append(new)

        if session.write(attach) and created and created[0]:
            self._added += 1
        elif session.last_error:
            self._refused.append(session.last_error)

    def _on_photo_refused(self, _path: Path, sentence: str) -> None:
        self._refused.append(sentence)

    def _on_import_finished(self, cancelled: bool) -> None:
        self.worker = None
        self.progress_box.hide()
        text = self.tr("1 photo added.") if self._added == 1 else self.tr("%n photos added.", "", self._added)
        if cancelled:
            text += " " + self.tr("The import was cancelled; the photos already added stay.")
        if self._refused:
            text += " " + self.tr("Not added:") + "\n" + "\n".join(self._refused)
            self.message.show_error(text)
        else:
            self.message.show_understood(text)
        self.photos_added.emit(self._added)

    def _on_import_failed(self, sentence: str) -> None:
        self.worker = None
        self.progress_box.hide()
        self.message.show_error(sentence)
        self.import_failed.emit(sentence)

    # --- drag and drop ---------------------------------------------------------------------

    def _local_paths(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.session.read_only and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if paths and self.add_files(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def shutdown(self) -> None:
        """Stop the workers before the editor goes.

        An import is stopped after the photo in hand and waited for: the
        photos whose bytes reached the vault get their rows, so none is left
        stored but missing from the inspection.
        """
        if self.thumbnail_worker is not None:
            self.thumbnail_worker.cancel()
        worker = self.worker
        if worker is None:
            return
        worker.cancel()
        # Wait by looking rather than by a signal: its "finished" may already be queued.
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)

        def quit_when_done() -> None:
            if self.worker is None:
                loop.quit()

        check.timeout.connect(quit_when_done)
        check.start()
        QTimer.singleShot(60_000, loop.quit)  # a card that stopped answering must not hang the app
        loop.exec()
        check.stop()

    def focus_field(self, path: str) -> bool:
        return path.startswith("photos")
