"""The wording of the support-bot evaluation set: one module per company, one for how users react.

Written from how people write to support chats (terse, verbose, misspelt, in other languages),
independently of the phrases Tracedesk's detectors look for.
"""
