"""``checker learn-furniture``: the lines a site's pages repeat, learned from an archive."""
