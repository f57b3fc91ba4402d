"""Batch engines: the results file and resume (``batch``), threads in this process (``local``), Ray Data (``ray``)."""
