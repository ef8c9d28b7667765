import Specs
import Testing
