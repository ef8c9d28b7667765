#!/usr/bin/env python3
# Reproduces a Descent trace with PyTorch in float64 and prints the same JSON as `descent trace`.
# Made by: descent trace --surface 'rosenbrock' --optimizer 'Adam(lr=0.05)' --start=-1.5,2.5 --steps 50 --emit pytorch
# Surface: rosenbrock(a=1, b=100)
# Needs: pip install torch
import json
import math

import torch

torch.set_default_dtype(torch.float64)


def f(x, y):
    return (1 - x)**2 + 100*(y - x**2)**2


p = torch.tensor([-1.5, 2.5], requires_grad=True)
optimizer = torch.optim.Adam([p], lr=0.05, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, amsgrad=False, maximize=False, decoupled_weight_decay=False, foreach=False)
steps = 50


def closure():
    optimizer.zero_grad()
    loss = f(p[0], p[1])
    loss.backward()
    return loss


def loss_at_p():
    with torch.no_grad():
        return f(p[0], p[1]).item()


start_loss = loss_at_p()
if math.isfinite(start_loss) and all(math.isfinite(v) for v in p.tolist()):
    points, losses, lrs, diverged_at = [p.tolist()], [start_loss], [], None
else:
    points, losses, lrs, diverged_at, steps = [], [], [], 0, 0
for step in range(1, steps + 1):
    lr = optimizer.param_groups[0]['lr']
    optimizer.step(closure)
    point, loss = p.tolist(), loss_at_p()
    if not (math.isfinite(loss) and all(math.isfinite(v) for v in point)):
        diverged_at = step
        break
    points.append(point)
    losses.append(loss)
    lrs.append(lr)

result = {'points': points, 'losses': losses, 'lrs': lrs, 'diverged_at': diverged_at}
print(json.dumps(result))

