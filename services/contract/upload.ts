/** Where tus uploads go: the api hands it out when an interview is created, the upload service serves it. */
export const TUS_PATH = '/files';
