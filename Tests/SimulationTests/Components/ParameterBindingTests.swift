import Simulation
import Testing

/// Binding arguments to a parameter list: unknown keys, wrong kinds, repeats.
@Suite struct ParameterBindingTests {}

extension ParameterBindingTests {
    @Test func unknownKeySuggestsAndListsTheValidKeys() {
        let error = #expect(throws: InputError.self) { try Optimizers.make("Adam(lr=0.1, beta=(0.9, 0.99))") }
        #expect(error?.message == "Adam has no key 'beta' — did you mean 'betas'? (valid keys: lr, betas, eps, weight_decay, amsgrad, foreach, maximize, capturable, differentiable, fused, decoupled_weight_decay)")
        #expect(error?.column == 14)
    }

    @Test(arguments: [
        ("Adam(lr='fast')", "Adam: 'lr' expects a number, got 'fast' (a string)"),
        ("Adam(betas=0.9)", "Adam: 'betas' expects a pair of numbers such as (0.9, 0.999), got 0.9 (a number)"),
        ("Adam(betas=(0.9, 0.99, 0.999))", "Adam: 'betas' expects a pair of numbers such as (0.9, 0.999), got (0.9, 0.99, 0.999) (a tuple)"),
        ("SGD(nesterov=1)", "SGD: 'nesterov' expects True or False, got 1 (an integer)"),
        ("SGD(lr=True)", "SGD: 'lr' expects a number, got True (a boolean)"),
        ("SGD(lr=0.1, lr=0.2)", "SGD: 'lr' is given twice"),
        ("SGD(lr=0.1, 0.9)", "SGD: a positional argument cannot follow a keyword argument"),
        ("Adma(lr=0.1)", "unknown optimizer 'Adma' — did you mean 'Adam'?"),
        ("Zzzzzz", "unknown optimizer 'Zzzzzz' (known: SGD, Adagrad, Adadelta, RMSprop, Adam, AdamW, NAdam, RAdam, Adamax, ASGD, Rprop, LBFGS, Lion)"),
    ])
    func clearMessages(_ text: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try Optimizers.make(text) }
        #expect(error?.message.hasPrefix(message) == true, "got: \(error?.message ?? "no error")")
    }

    @Test func closestName() {
        #expect(Simulation.closestName(to: "rmsprop", in: ["RMSprop", "Adam"]) == "RMSprop")
        #expect(Simulation.closestName(to: "Nadma", in: ["NAdam", "RAdam", "Adam"]) == "NAdam")
        #expect(Simulation.closestName(to: "qqqqqqq", in: ["NAdam", "RAdam", "Adam"]) == nil)
    }
}
