"""What the matplotlib peers of Descent's benchmarks (mpl_still.py, mpl_animation.py) share: Rosenbrock's
function, the seven optimizers of the standard animation (torch.optim's update rules and defaults written
out for one 2-D parameter; the points agree with `descent trace`), and the surface drawn under the paths.
"""
import numpy as np
from matplotlib.colors import LogNorm

START = np.array([-1.5, 2.5])
VIEW_X, VIEW_Y = (-2.0, 2.0), (-1.0, 3.0)
LEVELS = 20          # contour levels, as `contours: 20` in Benchmarks/standard-animation.yaml
GRID = 301           # surface samples per side, as Descent takes them


def loss(x, y):
    """Rosenbrock's function with a = 1, b = 100; minimum 0 at (1, 1)."""
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


def grad(p):
    x, y = p
    return np.array([2 * (x - 1) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)])


# Each optimizer keeps its state in a closure and maps (step number t >= 1, point, gradient) to the next
# point, following torch.optim for one 2-D parameter.

def make_sgd(lr, momentum=0.0, nesterov=False):
    state = {}

    def update(t, p, g):
        if momentum:
            # PyTorch starts the buffer at the first gradient, then buf = momentum * buf + g.
            buf = g.copy() if t == 1 else momentum * state["buf"] + g
            state["buf"] = buf
            g = g + momentum * buf if nesterov else buf
        return p - lr * g
    return update


def make_adagrad(lr, eps=1e-10):
    total = np.zeros(2)

    def update(t, p, g):
        total[:] += g * g
        return p - lr * g / (np.sqrt(total) + eps)
    return update


def make_rmsprop(lr, alpha=0.99, eps=1e-8):
    mean_square = np.zeros(2)

    def update(t, p, g):
        mean_square[:] = alpha * mean_square + (1 - alpha) * g * g
        return p - lr * g / (np.sqrt(mean_square) + eps)
    return update


def make_adam(lr, beta1=0.9, beta2=0.999, eps=1e-8, decoupled_decay=0.0):
    """Adam; with `decoupled_decay` it is AdamW (the point shrinks by lr * decay before the step)."""
    m, v = np.zeros(2), np.zeros(2)

    def update(t, p, g):
        if decoupled_decay:
            p = p * (1 - lr * decoupled_decay)
        m[:] = beta1 * m + (1 - beta1) * g
        v[:] = beta2 * v + (1 - beta2) * g * g
        denom = np.sqrt(v) / np.sqrt(1 - beta2 ** t) + eps
        return p - (lr / (1 - beta1 ** t)) * m / denom
    return update


OPTIMIZERS = [
    ("SGD", lambda: make_sgd(2e-4)),
    ("Momentum", lambda: make_sgd(2e-4, momentum=0.9)),
    ("Nesterov", lambda: make_sgd(2e-4, momentum=0.9, nesterov=True)),
    ("Adagrad", lambda: make_adagrad(0.1)),
    ("RMSprop", lambda: make_rmsprop(0.01)),
    ("Adam", lambda: make_adam(0.05)),
    ("AdamW", lambda: make_adam(0.05, decoupled_decay=0.01)),
]


def trajectory(make, steps):
    """The start and the point after each of `steps` steps, as a (steps + 1) x 2 array."""
    update = make()
    points = np.empty((steps + 1, 2))
    points[0] = START
    for t in range(1, steps + 1):
        points[t] = update(t, points[t - 1], grad(points[t - 1]))
    return points


def draw_surface(ax):
    """Filled log-spaced contour bands with white contour lines over the view, and the view's limits."""
    X, Y = np.meshgrid(np.linspace(*VIEW_X, GRID), np.linspace(*VIEW_Y, GRID))
    Z = loss(X, Y)
    # Log levels need positive values: lift the surface so its lowest sample sits at a millionth of its range.
    low = (Z.max() - Z.min()) * 1e-6
    Z = Z - Z.min() + low
    edges = np.logspace(np.log10(low), np.log10(Z.max()), LEVELS + 2)
    ax.contourf(X, Y, Z, levels=edges, norm=LogNorm(vmin=low, vmax=Z.max()), cmap="viridis", alpha=0.85)
    ax.contour(X, Y, Z, levels=edges[1:-1], colors="white", linewidths=0.6, alpha=0.5)
    ax.set_xlim(*VIEW_X)
    ax.set_ylim(*VIEW_Y)
