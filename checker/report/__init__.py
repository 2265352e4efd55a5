"""Reporters: each output format is a class built with ``(config, stream)``.

A reporter gets ``start(session)`` once, ``file_done(result)`` after each file, in input
order, and ``finish(session)`` once at the end. Reporters only read findings.
"""
