// Billing's typed errors, rendered like every other AppError (stable code, message under `error.<code>`).
import { AppError } from "../../errors";

export const billingErrors = {
  estimateNotFound: () => new AppError("estimate.not_found", 404, "error.estimate.not_found"),
  timeEntryNotFound: () => new AppError("time_entry.not_found", 404, "error.time_entry.not_found"),
  /** Estimates belong to consultancy: a support ticket is covered by the plan. */
  notConsultancy: () => new AppError("estimate.not_consultancy", 422, "error.estimate.not_consultancy"),
  /** A ticket has one open (draft or sent) estimate at a time. */
  openEstimateExists: () => new AppError("estimate.open_exists", 409, "error.estimate.open_exists"),
  /** Someone else sent, withdrew, approved or declined it first. */
  estimateStatusChanged: () => new AppError("estimate.status_changed", 409, "error.estimate.status_changed"),
};
