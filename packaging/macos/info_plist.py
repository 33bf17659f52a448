"""The Info.plist keys of kpmonitor.app, merged by PyInstaller's BUNDLE into the plist it writes.

The spec (packaging/pyinstaller/kpmonitor.spec) calls ``info_plist(APP_ID, __version__)``, so the
bundle id and version come from the package. Kept apart from the spec so a test can check the keys
on any platform (tests/test_packaging.py writes them with plistlib).
"""

from __future__ import annotations

from typing import Any

# The oldest macOS the PySide6 wheels run on (PySide6 6.12: macOS 14). Lower it only together with
# an older PySide6 in the build venv.
MINIMUM_MACOS = "14.0"


def info_plist(app_id: str, version: str) -> dict[str, Any]:
    """Info.plist keys for the app bundle ``app_id`` at ``version``."""
    bundle_type = f"{app_id}.kpbundle"
    return {
        "CFBundleIdentifier": app_id,
        "CFBundleName": "kpmonitor",
        "CFBundleDisplayName": "kpmonitor",
        "CFBundleExecutable": "kpmonitor",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleIconFile": "kpmonitor.icns",
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSHumanReadableCopyright": "kpmonitor developers, MIT licence",
        # kpmonitor's own file type: a .kpbundle is a ZIP archive with a signed manifest.
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": bundle_type,
                "UTTypeDescription": "kpmonitor report bundle",
                "UTTypeConformsTo": ["public.zip-archive", "public.data"],
                "UTTypeIconFile": "kpmonitor.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": ["kpbundle"],
                    "public.mime-type": ["application/x-kpbundle"],
                },
            }
        ],
        # Double-clicking a bundle opens kpmonitor (it owns the type). A PDF only gets
        # "Open With > kpmonitor" (Alternate): Preview stays the PDF viewer.
        # The files arrive as Qt QFileOpenEvents, not in sys.argv (see docs/install.md).
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "kpmonitor report bundle",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [bundle_type],
                "CFBundleTypeIconFile": "kpmonitor.icns",
            },
            {
                "CFBundleTypeName": "PDF report",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["com.adobe.pdf"],
            },
        ],
    }
