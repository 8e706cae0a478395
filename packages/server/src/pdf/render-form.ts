/**
 * Renders any printed one-stop form to PDF bytes. Equal input gives equal bytes: the PDF creation
 * date is the form's `issuedAt`, and nothing else in the file depends on the clock.
 */
import type { FormData } from './form-data.js';
import { CONTROL_SLIP_TITLE, renderControlSlip } from './render-control-slip.js';
import {
  APOLOGY_TITLE,
  REFUSAL_TITLE,
  renderApology,
  renderRefusal,
  renderStopNotice,
  renderSupplementRequest,
  STOP_NOTICE_TITLE,
  SUPPLEMENT_REQUEST_TITLE,
} from './render-notices.js';
import { RECEIPT_TITLE, renderReceipt } from './render-receipt.js';
import { renderTrackingBook, TRACKING_BOOK_TITLE } from './render-tracking-book.js';

/** The printed title of each form, in sentence case (the PDF prints it in capitals). */
export const FORM_TITLES: Record<FormData['form'], string> = {
  receipt: RECEIPT_TITLE,
  supplement_request: SUPPLEMENT_REQUEST_TITLE,
  refusal: REFUSAL_TITLE,
  apology: APOLOGY_TITLE,
  stop_notice: STOP_NOTICE_TITLE,
  control_slip: CONTROL_SLIP_TITLE,
  tracking_book: TRACKING_BOOK_TITLE,
};

export const renderForm = (data: FormData): Promise<Buffer> => {
  switch (data.form) {
    case 'receipt':
      return renderReceipt(data);
    case 'supplement_request':
      return renderSupplementRequest(data);
    case 'refusal':
      return renderRefusal(data);
    case 'apology':
      return renderApology(data);
    case 'stop_notice':
      return renderStopNotice(data);
    case 'control_slip':
      return renderControlSlip(data);
    case 'tracking_book':
      return renderTrackingBook(data);
  }
};
