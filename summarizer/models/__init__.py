"""The model layer: instructor over litellm, and the embedded llama.cpp server."""
