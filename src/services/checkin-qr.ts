/** The QR image of the on-site 签到 code, shown on the screen in the room. Pure. */
import QRCode from 'qrcode'

/** A PNG of the text, large enough to read from the back of a room on a projector. */
export function codeQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 })
}
