"""The general readers every document goes through, whatever its kind.

``tables`` reads indicator tables in every rendering; ``prose`` reads measures stated in
sentences. The document's kind labels it and may add readers (the CQC quality-statement pages)
but removes none.
"""
