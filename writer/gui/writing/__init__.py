"""Continue, Regenerate and Stop: writing at the cursor (:class:`WritingFeature`)."""
