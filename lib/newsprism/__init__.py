"""newsprism: how different outlets cover the same story.

Importing the package registers its offline NLTK resources (without importing NLTK, so the
import stays light: each layer imports only what it uses); nothing is ever downloaded.
"""

from newsprism.core.resources import announce_nltk_data

__version__ = "0.1.0"

announce_nltk_data()
