# Hearth: English. Every key here must also exist in ../fr/operations.ftl.

## When the database is away for a moment (restarting, disk full)
error-storage-unavailable = The forum can’t reach its storage right now. Nothing you already wrote is lost. Please try again in a minute.

## A form that could not be saved, given back
kept-title = Not saved yet
kept-explanation = This could not be saved just now: the forum can’t store anything for a moment. Your text is kept below. Send it again in a minute.
kept-explanation-no-text = This could not be saved just now: the forum can’t store anything for a moment. You can send it again in a minute.
kept-not-stored = Your text is only on this page: if you leave it before sending, it is gone.
kept-send-again = Send again
kept-field-title = Title
kept-field-subject = Subject
kept-field-warning = Content warning
kept-field-body = Your text
kept-field-note = Note
kept-field-reason = Reason
kept-field-name = Name
kept-field-purpose = Purpose
kept-field-facilitation = How it is facilitated
