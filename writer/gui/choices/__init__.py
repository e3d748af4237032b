"""Choice: several candidates at once, every take kept, the words the model almost wrote."""
