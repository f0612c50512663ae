# DOWNLOAD_DOCUMENTS (docs/privacy.md "Documents"): after a document in /mydata
mydata-document-copy = {" "}· a copy is kept on the insurer's server
