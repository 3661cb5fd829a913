"""`recordcheck serve`: a page on this computer where a supervisor and a worker check notes.

app.py is the web application (Starlette): the page, its files, and a small
JSON API that checks one note through the library's own run
(`recordcheck.run`). server.py runs it with uvicorn on 127.0.0.1 only, with
no access log, so note text is never written anywhere. static/ holds the
page, its style and its script; nothing is fetched from the network.
"""
