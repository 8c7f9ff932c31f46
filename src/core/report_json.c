/* report_json: not written yet */
