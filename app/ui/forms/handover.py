"""The custody hand-over at a warehouse door, on both screens, with no hex to read or type.

The receiver's screen (AcceptCustodyDialog) signs the acceptance and shows it as a big QR code with
an eight-character check code beside it (docs/FORMAT.md §8.1, §8.3). The giver's hand-over form holds
an AcceptanceInput in place of the signature: it reads the acceptance through a camera, from an
image file or from pasted text, checks it against this replica's state (§8.2), and, when it did not
come from the receiver's screen through the camera, wants the code the receiver reads aloud.
Where nothing reaches the giver's device (no camera, no link), the giver records the spoken code alone
and the receiver's screen records the receiver's acceptance in the receiver's own ledger: custody moves
when the two replicas sync and the codes agree (§8.5). The camera is optional: where Qt Multimedia or the
QR reader cannot load, or no camera exists, the Scan button says why and the other ways remain.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.custody import (
    Acceptance,
    AcceptanceError,
    CodeCheck,
    accept,
    check_acceptance,
    normalise_code,
    parse_acceptance,
)
from app.core.types import EntryType, Tables
from app.errors import ReliefLedgerError
from app.ui.background import run_in_background
from app.ui.formatting import shown
from app.ui.forms.context import FormContext
from app.ui.forms.keyboard import is_enter, no_default_buttons
from app.ui.widgets import exercise_banner

QR_SIDE = 360            # pixels: readable by a phone or laptop camera from an arm's length


def _t(text: str) -> str:
    return QCoreApplication.translate("Handover", text)


# The operator's sentence for each refusal of FORMAT.md §8.2/§8.3: marked for the catalogue here, translated
# when shown (the core's own sentences are English).
REFUSED: dict[str, object] = {
    "not_an_acceptance": QT_TRANSLATE_NOOP(
        "Handover", "This is not a hand-over acceptance. Read the QR code on the receiver's screen."),
    "unknown_version": QT_TRANSLATE_NOOP(
        "Handover", "This acceptance was made by a newer client; update this one to read it."),
    "wrong_network": QT_TRANSLATE_NOOP("Handover", "This acceptance was made on another network."),
    "unknown_shipment": QT_TRANSLATE_NOOP(
        "Handover", "This acceptance names a shipment this replica does not know yet; sync, then read it again."),
    "not_in_transit": QT_TRANSLATE_NOOP("Handover", "This shipment is no longer in transit."),
    "not_for_you": QT_TRANSLATE_NOOP("Handover", "This acceptance was made for another giver, not for you."),
    "not_your_custody": QT_TRANSLATE_NOOP("Handover", "You do not hold custody of this shipment."),
    "wrong_step": QT_TRANSLATE_NOOP(
        "Handover", "This acceptance is for an earlier step of the shipment's custody (an old code); ask the "
                    "receiver to accept again."),
    "not_a_member": QT_TRANSLATE_NOOP("Handover", "The receiver is not a current member of this network."),
    "bad_signature": QT_TRANSLATE_NOOP(
        "Handover", "The receiver's signature on this acceptance does not verify; ask the receiver to accept again."),
    "code_mismatch": QT_TRANSLATE_NOOP(
        "Handover", "That code does not match the receiver's acceptance; ask the receiver to read it again."),
    "too_many_attempts": QT_TRANSLATE_NOOP(
        "Handover", "Too many wrong codes for this acceptance; read the receiver's QR code or text again."),
}


class HandoverProblem(ReliefLedgerError, ValueError):
    """What stops the hand-over form, in one sentence for the operator."""

    code = "handover_incomplete"


def refusal_sentence(exc: AcceptanceError) -> str:
    return _t(str(REFUSED[exc.code])) if exc.code in REFUSED else str(exc)


def _member_name(tables: Tables, key: str) -> str:
    row = tables.get("members", {}).get(key)
    return shown(f"{row['name']} ({row['org']})") if row else key[:16] + "…"


def _site_name(tables: Tables, site: str) -> str:
    return shown(tables.get("sites", {}).get(site, {}).get("name", site))


# -- QR codes ------------------------------------------------------------------------------------------
def qr_image(text: str, side: int = QR_SIDE) -> QImage:
    """The acceptance as a QR image (alphanumeric mode, level M, FORMAT.md §8.1), dark on white.

    Every module is the same whole number of pixels (at most `side` in all, quiet zone included):
    a code scaled by a fraction has uneven modules, which cameras read worse.
    """
    import segno

    qr = segno.make_qr(text, error="m")
    scale = max(1, side // qr.symbol_size(scale=1, border=4)[0])
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=4)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def qr_reader_problem() -> str:
    """Why QR codes cannot be read from images here ("" when they can)."""
    try:
        importlib.import_module("zxingcpp")   # loads its native library: a broken wheel fails here, not mid-scan
    except ImportError as exc:
        return _t("The QR reader (zxing-cpp) is not installed: {0}").format(exc)
    return ""


def read_qr(image: QImage) -> list[str]:
    """Every QR code's text found in an image (a camera frame or a photo), via zxing-cpp."""
    import numpy as np
    import zxingcpp

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    if width == 0 or height == 0:
        return []
    pixels = np.frombuffer(bytes(gray.constBits()), dtype=np.uint8)[:stride * height].reshape(height, stride)
    found = zxingcpp.read_barcodes(np.ascontiguousarray(pixels[:, :width]),
                                   formats=zxingcpp.barcode_formats_from_str("QRCode"))
    return [code.text for code in found if code.text]


def camera_problem() -> str:
    """Why the camera cannot scan here ("" when it can): Qt Multimedia, the QR reader, a camera."""
    reader = qr_reader_problem()
    if reader:
        return reader
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        return _t("The camera cannot be used: Qt Multimedia did not load ({0}).").format(exc)
    if not QMediaDevices.videoInputs():
        return _t("No camera was found on this computer.")
    return ""


# -- the receiver's screen -------------------------------------------------------------------------------
class AcceptCustodyDialog(QDialog):
    """On the receiver's screen: accept a shipment and show the acceptance as a QR code and a spoken code."""

    def __init__(self, context: FormContext, parent: QWidget | None = None, shipment: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept custody of a shipment"))
        self.context = context
        self.tables = context.tables()
        self.acceptance: Acceptance | None = None
        me = context.identity.public_key_hex if context.identity else ""
        self.shipment = QComboBox()
        self.shipment.setAccessibleName(self.tr("Shipment to accept"))
        for key, row in sorted(self.tables.get("shipments", {}).items()):
            if row["status"] == "in_transit" and row["custodian"] != me:
                self.shipment.addItem(self.tr("{0} to {1}, held by {2}").format(
                    key, _site_name(self.tables, row["to_site"]), _member_name(self.tables, row["custodian"])), key)
        if shipment is not None and self.shipment.findData(shipment) >= 0:
            self.shipment.setCurrentIndex(self.shipment.findData(shipment))
        self.shipment.currentIndexChanged.connect(lambda _i: self._clear())
        self.accept_button = QPushButton(self.tr("Accept and show code"))
        self.accept_button.clicked.connect(self.sign)
        self.sentence = QLabel(self.tr("Choose the shipment you are taking, then accept it: your screen shows a QR "
                                       "code for the giver to scan, and a code to read aloud."))
        self.sentence.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(QR_SIDE, QR_SIDE)
        self.qr.setAccessibleName(self.tr("Acceptance QR code"))
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setPointSizeF(self.font().pointSizeF() * 2.6)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
        self.code.setFont(font)
        self.code.setAccessibleName(self.tr("Code to read aloud"))
        self.recorded = QLabel()
        self.recorded.setWordWrap(True)
        self.recorded.setAccessibleName(self.tr("Acceptance in your ledger"))
        self.recorded_for: set[tuple[str, int]] = set()
        self.copy_button = QPushButton(self.tr("Copy acceptance text"))
        self.copy_button.setToolTip(self.tr("For sending by message when the giver cannot scan your screen"))
        self.copy_button.clicked.connect(self.copy_text)
        self.copy_button.setEnabled(False)
        self.copy_signature = QToolButton()
        self.copy_signature.setText(self.tr("Copy the signature alone (for a giver with an older client)"))
        self.copy_signature.setAutoRaise(True)
        self.copy_signature.clicked.connect(self.copy_signature_hex)
        self.copy_signature.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Shipment"), self.shipment)
        layout = QVBoxLayout(self)
        if context.network_kind == "exercise":
            self.setWindowTitle(self.tr("EXERCISE — ") + self.windowTitle())
            layout.addWidget(exercise_banner())
        layout.addLayout(form)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.sentence)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.code)
        layout.addWidget(self.recorded)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.copy_signature)
        layout.addWidget(close)
        no_default_buttons(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter signs the acceptance or presses the button tabbed to; it never closes the dialog."""
        if is_enter(event):
            event.accept()
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton):
                focused.click()
            else:
                self.sign()
            return
        super().keyPressEvent(event)

    def _clear(self) -> None:
        self.acceptance = None
        self.qr.clear()
        self.code.clear()
        self.recorded.clear()
        self.copy_button.setEnabled(False)
        self.copy_signature.setEnabled(False)

    def sign(self) -> Acceptance | None:
        """Sign the acceptance of the chosen shipment's next custody step (one signature: GUI thread is fine)."""
        row = self.tables.get("shipments", {}).get(self.shipment.currentData() or "")
        if row is None or self.context.identity is None:
            self.sentence.setText(self.tr("Choose a shipment in transit (and unlock your key) first."))
            return None
        index = len(row["custody"]) - 1
        self.acceptance = accept(self.context.identity, self.context.network_id, row["shipment"], row["custodian"],
                                 index)
        self.sentence.setText(self.tr("You accept custody of <b>{0}</b> from <b>{1}</b> (hand-over {2} of this "
                                      "shipment). Let the giver scan this code, or read the code below aloud.")
                              .format(row["shipment"], _member_name(self.tables, row["custodian"]), index + 1))
        self.qr.setPixmap(QPixmap.fromImage(qr_image(self.acceptance.text())))
        self.code.setText(self.acceptance.check_code(self.context.network_id, row["custodian"]))
        self.copy_button.setEnabled(True)
        self.copy_signature.setEnabled(True)
        self.record(row["shipment"], row["custodian"], index)
        return self.acceptance

    def record(self, shipment: str, giver: str, index: int) -> None:
        """Store the acceptance in this replica's own feed, through the node's worker thread (FORMAT.md §8.5).

        It is what completes a hand-over the giver records with the spoken code alone, when the two replicas
        sync; if the giver scans the QR code instead, it changes nothing. Recorded once per step.
        """
        if self.acceptance is None or (shipment, index) in self.recorded_for:
            return
        self.recorded_for.add((shipment, index))
        body = {"shipment": shipment, "from": giver, "index": index, "receiver_sig": self.acceptance.receiver_sig}
        if self.context.submit_then is None:
            try:
                self.context.submit(EntryType.SHIPMENT_ACCEPT, body)
            except ReliefLedgerError as exc:    # a context that signs at once refuses at once
                self._recorded(shipment, index, exc)
                return
            self.recorded.setText(self.tr("Your acceptance is being recorded in your ledger."))
            return
        self.recorded.setText(self.tr("Recording your acceptance in your ledger…"))
        self.context.submit_then(EntryType.SHIPMENT_ACCEPT, body, lambda outcome: self._recorded(shipment, index,
                                                                                                 outcome))

    def _recorded(self, shipment: str, index: int, outcome: object) -> None:
        try:
            if isinstance(outcome, BaseException):
                self.recorded_for.discard((shipment, index))
                self.recorded.setText(self.tr("Your acceptance could not be recorded in your ledger ({0}); the giver "
                                              "can still scan the QR code.").format(shown(outcome)))
            else:
                self.recorded.setText(self.tr("Your acceptance is recorded in your ledger. A giver without camera or "
                                              "link records the code you read aloud; their device will confirm "
                                              "when the two sync."))
        except RuntimeError:     # the dialog was closed before the node answered: the entry is stored all the same
            pass

    def copy_signature_hex(self) -> None:
        """Recovery only: a giver whose client predates the acceptance text pastes the bare signature."""
        if self.acceptance is not None:
            QGuiApplication.clipboard().setText(self.acceptance.receiver_sig)

    def copy_text(self) -> None:
        """The acceptance as text on the clipboard, to send by message when no camera can see this screen."""
        if self.acceptance is not None:
            QGuiApplication.clipboard().setText(self.acceptance.text())


# -- the giver's form -----------------------------------------------------------------------------------
class AcceptanceInput(QWidget):
    """The giver's way to take in the receiver's acceptance: scan, image, paste, then the spoken code.

    `on_read(acceptance)` lets the form around it show the shipment and receiver the acceptance names.
    `receiver_sig()` is the form's reader: the signature once everything agrees, else HandoverProblem.
    """

    CAMERA, IMAGE, PASTE, TYPED = "camera", "image", "paste", "typed"

    def __init__(self, context: FormContext, tables: Tables,
                 on_read: Callable[[Acceptance], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.tables, self.on_read = context, tables, on_read
        self.giver = context.identity.public_key_hex if context.identity else ""
        self.acceptance: Acceptance | None = None
        self.source = ""
        self.check: CodeCheck | None = None
        self.confirmed = False
        self.scanner: CameraScanDialog | None = None
        self.scan_button = QPushButton(self.tr("Scan QR"))
        self.image_button = QPushButton(self.tr("Open image…"))
        self.paste_button = QPushButton(self.tr("Paste"))
        self.scan_button.clicked.connect(self.scan)
        self.image_button.clicked.connect(lambda: self.open_image())
        self.paste_button.clicked.connect(self.paste)
        for button, name in ((self.scan_button, self.tr("Scan the receiver's QR code with the camera")),
                             (self.image_button, self.tr("Read the receiver's QR code from an image file")),
                             (self.paste_button, self.tr("Paste the receiver's acceptance text"))):
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.status = QLabel(self.tr("Ask the receiver to accept custody on their screen, then scan its QR code."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Acceptance status"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("read aloud by the receiver, e.g. K7Q4-M2XD"))
        self.code.setAccessibleName(self.tr("Code the receiver reads aloud"))
        self.code.setMaxLength(12)
        self.code.setEnabled(False)
        self.code_label = QLabel(self.tr("Spoken code"))
        self.code_label.setBuddy(self.code)
        self.spoken_only = QCheckBox(self.tr("No camera and no link: record with the spoken code alone"))
        self.spoken_only.setToolTip(self.tr("The receiver accepts on their own screen and reads the code aloud; the "
                                            "receiver's device will confirm when the two sync."))
        self.spoken_only.toggled.connect(self._toggle_spoken_only)
        self.advanced = QToolButton()
        self.advanced.setText(self.tr("Advanced: paste a signature (recovery)"))
        self.advanced.setCheckable(True)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setAutoRaise(True)
        self.signature = QLineEdit()
        self.signature.setPlaceholderText(self.tr("receiver signature from an older client (128 hex characters)"))
        self.signature.setAccessibleName(self.tr("Receiver signature, for recovery"))
        self.signature.hide()
        self.advanced.toggled.connect(self._toggle_advanced)
        ways = QHBoxLayout()
        for button in (self.scan_button, self.image_button, self.paste_button):
            ways.addWidget(button)
        ways.addStretch()
        spoken = QHBoxLayout()
        spoken.addWidget(self.code_label)
        spoken.addWidget(self.code, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(ways)
        layout.addWidget(self.status)
        layout.addLayout(spoken)
        layout.addWidget(self.spoken_only)
        layout.addWidget(self.advanced)
        layout.addWidget(self.signature)

    def _toggle_spoken_only(self, on: bool) -> None:
        if self.acceptance is not None:
            return      # an acceptance was read: its signature is the stronger proof and stays in use
        self.code.setEnabled(on)
        if on:
            self.status.setText(self.tr("Choose the receiver above, then type the code the receiver reads aloud from "
                                        "their Accept custody screen. The receiver's device will confirm when the "
                                        "two sync; until then the hand-over is pending."))
            self.code.setFocus()
        else:
            self.code.clear()
            self.status.setText(self.tr("Ask the receiver to accept custody on their screen, then scan its QR code."))

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.signature.setVisible(on)

    # -- ways in ------------------------------------------------------------------------------------------
    def read_text(self, text: str, source: str) -> bool:
        """Take an acceptance text from any way in; a refusal is one sentence here and nothing is kept."""
        try:
            acceptance = parse_acceptance(text)
            check_acceptance(acceptance, self.context.network_id, self.giver, self.tables)
        except AcceptanceError as exc:
            self._drop(refusal_sentence(exc))
            return False
        self.acceptance, self.source = acceptance, source
        self.check = CodeCheck(acceptance, self.context.network_id, self.giver)
        self.confirmed = source == self.CAMERA
        self.code.clear()
        self.code.setEnabled(not self.confirmed)
        receiver = _member_name(self.tables, acceptance.receiver)
        if self.confirmed:
            self.status.setText(self.tr("Accepted by {0} for {1} (hand-over {2}). Check that both screens show the "
                                        "code {3}.").format(receiver, acceptance.shipment, acceptance.index + 1,
                                                            self.check.expected))
        else:
            self.status.setText(self.tr("Acceptance by {0} for {1} (hand-over {2}) read. Now type the code the "
                                        "receiver reads aloud from their screen.")
                                .format(receiver, acceptance.shipment, acceptance.index + 1))
            self.code.setFocus()
        if self.on_read is not None:
            self.on_read(acceptance)
        return True

    def _drop(self, sentence: str) -> None:
        self.acceptance, self.check, self.confirmed = None, None, False
        self.code.clear()
        self.code.setEnabled(self.spoken_only.isChecked())
        self.status.setText(sentence)

    def paste(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._drop(self.tr("The clipboard is empty: copy the receiver's acceptance text first."))
            return False
        return self.read_text(text, self.PASTE)

    def open_image(self, path: str | None = None) -> None:
        """Read the QR code in a photo or screenshot; reading the file and decoding run off the GUI thread."""
        problem = qr_reader_problem()
        if problem:
            self.status.setText(problem)
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Image of the receiver's QR code"), "",
                                                  self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"))
            if not path:
                return
        self.status.setText(self.tr("Reading the image…"))
        chosen = path
        run_in_background(self, self.tr("Reading the QR code"), lambda _op: read_qr(QImage(chosen)),
                          self._image_read, lambda exc: self._drop(shown(exc)), progress=False)

    def _image_read(self, texts: list[str]) -> None:
        if not texts:
            self._drop(self.tr("No QR code was found in that image; take it again, closer and sharper."))
            return
        self.read_text(texts[0], self.IMAGE)

    def scan(self) -> None:
        problem = camera_problem()
        if problem:
            self.status.setText(problem + " " + self.tr("Open an image of the QR code, paste its text, or use the "
                                                         "spoken code instead."))
            return
        self.scanner = CameraScanDialog(self)
        self.scanner.scanned.connect(lambda text: self.read_text(text, self.CAMERA))
        self.scanner.open()

    # -- the form's reader -----------------------------------------------------------------------------------
    def proof(self) -> dict[str, str]:
        """What the entry carries: `receiver_sig` from a read acceptance (or the recovery field), else, with the
        spoken code alone, `receiver_code` in its canonical form (FORMAT.md §8.5); else HandoverProblem."""
        recovering = self.advanced.isChecked() and self.signature.text().strip()
        if self.spoken_only.isChecked() and self.acceptance is None and not recovering:
            if not self.code.text().strip():
                raise HandoverProblem(self.tr("Type the code the receiver reads aloud from their screen."))
            try:
                return {"receiver_code": normalise_code(self.code.text())}
            except AcceptanceError as exc:
                self.code.selectAll()
                raise HandoverProblem(self.tr("A code is eight letters and digits, like K7Q4-M2XD; ask the receiver "
                                              "to read it again.")) from exc
        return {"receiver_sig": self.receiver_sig()}

    def receiver_sig(self) -> str:
        """The receiver's signature when the acceptance is read and its code confirmed; else HandoverProblem."""
        if self.advanced.isChecked() and self.signature.text().strip():
            return self.signature.text().strip().lower()
        if self.acceptance is None or self.check is None:
            raise HandoverProblem(self.tr("Read the receiver's acceptance first: scan its QR code, open an image "
                                          "of it, or paste its text."))
        if not self.confirmed:
            if not self.code.text().strip():
                raise HandoverProblem(self.tr("Type the code the receiver reads aloud from their screen."))
            try:
                self.check.confirm(self.code.text())
            except AcceptanceError as exc:
                sentence = refusal_sentence(exc)
                if exc.code == "too_many_attempts":
                    self._drop(sentence)
                else:
                    self.status.setText(sentence)
                    self.code.selectAll()
                raise HandoverProblem(sentence) from exc
            self.confirmed = True
            self.code.setEnabled(False)
            self.status.setText(self.tr("Code {0} confirmed: accepted by {1} for {2}.").format(
                self.check.expected, _member_name(self.tables, self.acceptance.receiver), self.acceptance.shipment))
        return self.acceptance.receiver_sig


class CameraScanDialog(QDialog):
    """The camera's picture, decoded a few times a second off the GUI thread until an acceptance shows up.

    `scanned(text)` carries the first acceptance text found; the dialog then closes by itself.
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        self.setWindowTitle(self.tr("Scan the receiver's QR code"))
        self.text = ""
        self.busy = False
        self.preview = QLabel(self.tr("Starting the camera…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 360)
        self.hint = QLabel(self.tr("Hold the receiver's screen so that the QR code fills the middle of the picture."))
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.sink = QVideoSink(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(lambda _e, text: self.hint.setText(shown(text)))
        self.last = QImage()
        self.tick = QTimer(self)
        self.tick.setInterval(250)     # decode four frames a second at most: the rest only move the preview
        self.tick.timeout.connect(self._decode)
        self.camera.start()
        self.tick.start()

    def _frame(self, frame: Any) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        self.last = image
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(self.preview.size(),
                                                               Qt.AspectRatioMode.KeepAspectRatio))

    def _decode(self) -> None:
        if self.busy or self.last.isNull():
            return
        self.busy, frame = True, self.last.copy()
        run_in_background(self, "", lambda _op: read_qr(frame), self._decoded, self._failed, progress=False,
                          lane=("qr-scan", id(self)))

    def _decoded(self, texts: list[str]) -> None:
        self.busy = False
        for text in texts:
            if text.upper().startswith("RLH"):
                self.text = text
                self.accept()
                self.scanned.emit(text)
                return
        if texts:
            self.hint.setText(self.tr("That QR code is not a hand-over acceptance; show the receiver's "
                                      "Accept custody screen."))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.hint.setText(shown(exc))

    def done(self, result: int) -> None:
        self.tick.stop()
        self.camera.stop()
        super().done(result)
