import Simulation
import Testing

/// PyTorch's argument checks: the same invalid values are refused with the same messages.
@Suite struct OptimizerValidationTests {}

extension OptimizerValidationTests {
    @Test(arguments: [
        ("SGD(lr=-0.1)", "Invalid learning rate: -0.1"),
        ("SGD(lr=0.1, momentum=-0.5)", "Invalid momentum value: -0.5"),
        ("SGD(weight_decay=-1.0)", "Invalid weight_decay value: -1.0"),
        ("SGD(lr=0.1, nesterov=True)", "Nesterov momentum requires a momentum and zero dampening"),
        ("SGD(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)", "Nesterov momentum requires a momentum and zero dampening"),
        ("Adagrad(lr_decay=-0.1)", "Invalid lr_decay value: -0.1"),
        ("Adagrad(initial_accumulator_value=-1.0)", "Invalid initial_accumulator_value value: -1.0"),
        ("Adagrad(eps=-1e-10)", "Invalid epsilon value: -1e-10"),
        ("Adadelta(rho=1.5)", "Invalid rho value: 1.5"),
        ("Adadelta(rho=-0.1)", "Invalid rho value: -0.1"),
        ("RMSprop(alpha=-0.9)", "Invalid alpha value: -0.9"),
        ("RMSprop(momentum=-0.9)", "Invalid momentum value: -0.9"),
        ("Adam(betas=(1.0, 0.999))", "Invalid beta parameter at index 0: 1.0"),
        ("Adam(betas=(0.9, -0.1))", "Invalid beta parameter at index 1: -0.1"),
        ("Adam(eps=-1.0)", "Invalid epsilon value: -1.0"),
        ("AdamW(lr=nan)", "Invalid learning rate: nan"),
        ("NAdam(momentum_decay=-0.004)", "Invalid momentum_decay value: -0.004"),
        ("RAdam(weight_decay=-0.1)", "Invalid weight_decay value: -0.1"),
        ("Adamax(betas=(0.9, 1.0))", "Invalid beta parameter at index 1: 1.0"),
        ("Adamax(lr=-0.002)", "Invalid learning rate: -0.002"),
        ("ASGD(lr=-0.01)", "Invalid learning rate: -0.01"),
        ("ASGD(weight_decay=-1.0)", "Invalid weight_decay value: -1.0"),
        ("Rprop(etas=(1.2, 0.5))", "Invalid eta values: 1.2, 0.5"),
        ("Rprop(etas=(0.5, 1.0))", "Invalid eta values: 0.5, 1.0"),
        ("Rprop(lr=-1.0)", "Invalid learning rate: -1.0"),
        ("LBFGS(lr=-1.0)", "Invalid learning rate: -1.0"),
        ("LBFGS(line_search_fn='armijo')", "only 'strong_wolfe' is supported"),
        ("LBFGS(history_size=0)", "history_size must be at least 1"),
        ("Lion(lr=-0.1)", "learning rate must be positive. (-0.1 > 0)"),
        ("Lion(betas=(1.0, 0.99))", "beta1 must be in the range [0.0, 1.0)"),
        ("Lion(betas=(0.9, 1.5))", "beta2 must be in the range [0.0, 1.0)"),
        ("Lion(weight_decay=-0.1)", "weight_decay must be non-negative"),
    ])
    func refusesWhatPyTorchRefuses(_ text: String, _ message: String) {
        #expect {
            _ = try Optimizers.make(text)
        } throws: { error in
            (error as? InputError)?.message.contains(message) == true
        }
    }

    @Test(arguments: ["SGD(lr=0.1, momentum=0.9, nesterov=True)", "Adadelta(rho=1.0)", "Adadelta(rho=0)",
                      "Adam(betas=(0, 0))", "SGD(dampening=-0.5, momentum=0.9)", "AdamW(decoupled_weight_decay=True)",
                      "Adam(lr=0)", "RMSprop(alpha=0)"])
    func acceptsWhatPyTorchAccepts(_ text: String) throws {
        _ = try Optimizers.make(text)
    }

    @Test func adamWRefusesCoupledDecay() {
        #expect(throws: InputError.self) { try Optimizers.make("AdamW(decoupled_weight_decay=False)") }
    }

    @Test func errorsPointAtTheOffendingArgument() throws {
        let error = try #require(throws: InputError.self) { try Optimizers.make("Adam(lr=0.1, betas=(0.9, 1.5))") }
        #expect(error.column == 14)
        #expect(error.message == "Adam: Invalid beta parameter at index 1: 1.5")
    }
}
