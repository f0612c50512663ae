# DOWNLOAD_DOCUMENTS (docs/privacy.md "Documents"): after a document in /mydata
mydata-document-copy = {" "}· копія зберігається на сервері страховика
