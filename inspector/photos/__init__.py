"""Photos: import (orientation, downsizing, JPEG), content-addressed files and thumbnails. No Qt."""
