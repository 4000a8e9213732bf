// File sizes for the attachment pieces: the same wording the API's messages use.
export { formatFileSize } from "../../../i18n/file-size";
