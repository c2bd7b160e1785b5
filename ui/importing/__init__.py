"""The Import screen: the roster import wizard, the assessment-template import, the import history."""
