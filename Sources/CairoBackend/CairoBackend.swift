// The Cairo back end: the only module that imports the C libraries.
import CCairo
import CPNG
import CFontconfig
import Plotting
