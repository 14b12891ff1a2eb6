"""The jury: criteria, judges and scores, what each person may see of them, and prizes and
winners."""
