"""The model hub: search, file lists, fit estimates, downloads and the local model list.

Plain Python, no Qt widgets. Everything talks to the Hugging Face Hub through
``huggingface_hub`` and honours ``HF_ENDPOINT``, ``HF_TOKEN`` and
``HF_HUB_OFFLINE``, read each time a request is made.
"""
