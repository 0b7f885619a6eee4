"""newsprism: how different outlets cover the same story.

Importing the package registers its offline NLTK resources; nothing is ever downloaded.
"""

from newsprism.resources import register_nltk_data

__version__ = "0.1.0"

register_nltk_data()
