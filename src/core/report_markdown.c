/* report_markdown: not written yet */
