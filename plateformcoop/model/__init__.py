"""The content model: pydantic classes are the single source of truth.

They validate files, produce the JSON Schemas for editors, the field reference
page and the templates of new files.
"""
