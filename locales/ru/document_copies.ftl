# DOWNLOAD_DOCUMENTS (docs/privacy.md "Documents"): after a document in /mydata
mydata-document-copy = {" "}· копия хранится на сервере страховщика
