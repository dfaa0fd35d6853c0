"""/curation/: the Ministry of Handicrafts' space (review queue, collections, featured, artisans, dashboard)."""
