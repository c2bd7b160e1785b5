"""The employee list (Ansatte): its model, filters and dialogs."""
