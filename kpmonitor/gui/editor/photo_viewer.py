"""A photo viewer: the original at full resolution, zoom, previous and next.

The picture shown is read from the vault with its fingerprint checked, so a
monitor looking at evidence sees the very bytes that go into the report (or
a sentence saying they were altered).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QAction, QImage, QImageReader, QKeySequence, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.moments import show_moment
from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import PhotoRef
    from kpmonitor.evidence.photos import PhotoVault

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25


def decode(data: bytes) -> QImage:
    """Decode image bytes, upright (EXIF orientation applied), or a null image."""
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    reader.setDecideFormatFromContent(True)
    return reader.read()


class ZoomView(QGraphicsView):
    """Ctrl+wheel zooms around the cursor; dragging pans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.fitted = True

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom(self, factor: float) -> None:
        self.fitted = False
        self.scale(factor, factor)

    def fit(self) -> None:
        self.fitted = True
        scene = self.scene()
        if scene is not None and not scene.sceneRect().isEmpty():
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def actual_size(self) -> None:
        self.fitted = False
        self.resetTransform()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitted:
            self.fit()


class PhotoViewerDialog(QDialog):
    """Shows one photo of a list; ←/→ (or Page Up/Down) for the previous and next."""

    def __init__(self, vault: PhotoVault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.photos: list[PhotoRef] = []
        self.row = 0
        self.setWindowTitle(self.tr("Photo"))
        self.setSizeGripEnabled(True)
        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.view = ZoomView(self)
        self.view.setScene(self.scene)
        self.caption = plain_label("", self, wrap=True)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.info = plain_label("", self, wrap=True)
        self.error = FeedbackLabel(self)

        self.previous_button = QPushButton(self.tr("← &Previous"), self)
        self.next_button = QPushButton(self.tr("&Next →"), self)
        zoom_in = QPushButton(self.tr("Zoom &in"), self)
        zoom_out = QPushButton(self.tr("Zoom &out"), self)
        fit = QPushButton(self.tr("&Fit"), self)
        actual = QPushButton(self.tr("&1:1"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.previous_button, self.next_button, zoom_in, zoom_out, fit, actual, close):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        zoom_in.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        zoom_out.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        fit.clicked.connect(self.view.fit)
        actual.clicked.connect(self.view.actual_size)
        close.clicked.connect(self.close)
        shortcuts: list[tuple[tuple[str, ...], object]] = [
            (("Left", "PgUp"), self.show_previous), (("Right", "PgDown", "Space"), self.show_next),
            (("Ctrl++", "+", "Ctrl+="), lambda: self.view.zoom(ZOOM_STEP)),
            (("Ctrl+-", "-"), lambda: self.view.zoom(1 / ZOOM_STEP)),
            (("Ctrl+0", "0"), self.view.fit), (("Ctrl+1", "1"), self.view.actual_size),
        ]
        for keys, slot in shortcuts:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        for button in (zoom_in, zoom_out, fit, actual, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 700)

    def show_photos(self, photos: list[PhotoRef], row: int) -> None:
        self.photos = list(photos)
        self.show_row(row)

    def show_row(self, row: int) -> None:
        if not self.photos:
            return
        self.row = max(0, min(row, len(self.photos) - 1))
        photo = self.photos[self.row]
        self.setWindowTitle(self.tr("Photo {number} of {total} — {name}").format(
            number=self.row + 1, total=len(self.photos), name=photo.original_name))
        self.caption.setText(photo.caption or photo.original_name)
        parts = [f"{photo.original_name}, {photo.width} × {photo.height}"]
        if photo.taken_at:
            parts.append(self.tr("taken {when}").format(when=show_moment(photo.taken_at)))
        if photo.gps_lat is not None and photo.gps_lon is not None:
            parts.append(self.tr("at {lat:.5f}, {lon:.5f}").format(lat=photo.gps_lat, lon=photo.gps_lon))
        if photo.parcel:
            parts.append(self.tr("parcel {number}").format(number=photo.parcel))
        if photo.seal:
            parts.append(self.tr("seal {number}").format(number=photo.seal))
        self.info.setText(" · ".join(parts))
        self.previous_button.setEnabled(self.row > 0)
        self.next_button.setEnabled(self.row < len(self.photos) - 1)
        image = self._load(photo)
        self.item.setPixmap(QPixmap.fromImage(image) if not image.isNull() else QPixmap())
        self.scene.setSceneRect(self.item.boundingRect())
        self.view.fit()

    def _load(self, photo: PhotoRef) -> QImage:
        try:
            image = decode(self.vault.read_original(photo.sha256))
            if image.isNull():
                # HEIC, or too large for Qt's image reader: a downscaled copy made by the core.
                image = decode(self.vault.scaled_jpeg(photo.sha256, max_side=4096))
        except KPError as exc:
            self.error.show_error(exc.message)
            return QImage()
        self.error.show_understood("")
        return image

    def current_image_size(self) -> tuple[int, int]:
        pixmap = self.item.pixmap()
        return pixmap.width(), pixmap.height()

    def show_previous(self) -> None:
        if self.row > 0:
            self.show_row(self.row - 1)

    def show_next(self) -> None:
        if self.row < len(self.photos) - 1:
            self.show_row(self.row + 1)
