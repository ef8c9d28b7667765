import CairoBackend
import Testing
