/* answers: not written yet */
