<html><body><p>{{TITLE
}}</p></body></html>
