/* questionnaire: not written yet */
