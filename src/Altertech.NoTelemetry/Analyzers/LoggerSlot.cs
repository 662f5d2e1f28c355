using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// A field or constructor parameter that holds an SDK client (<c>TelemetryClient _telemetry</c>, <c>IHub hub</c>) and that the
/// code fix may turn into an <c>ILogger&lt;T&gt;</c> of its type, with every call through it becoming a log call. Here only what
/// the declaration alone tells, cheaply: the fix looks at every use and every caller of the constructor before it offers anything.
/// </summary>
internal static class LoggerSlot
{
    /// <summary>The generic logger a slot becomes.</summary>
    public const string GenericLogger = "Microsoft.Extensions.Logging.ILogger`1";

    /// <summary>The extension methods (<c>LogInformation</c>, ...) the calls become.</summary>
    public const string LoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";

    /// <summary>
    /// Whether <paramref name="declared"/> (declared by <paramref name="syntax"/>) of <paramref name="type"/> may become a logger:
    /// a private instance field of a class (code of other solutions may read any other), alone in its declaration and without
    /// an initialiser (its value comes from a constructor), or a plain parameter of an instance constructor (also a primary one) of a class; of the SDK type itself, not a collection or array
    /// of it; in a compilation that has <c>ILogger&lt;T&gt;</c> and its <c>Log*</c> methods.
    /// </summary>
    public static bool MayBecomeLogger(ISymbol declared, ITypeSymbol type, SyntaxNode syntax, Compilation compilation)
    {
        if (type is not INamedTypeSymbol { IsGenericType: false, TypeKind: TypeKind.Class or TypeKind.Interface })
        {
            return false;
        }

        return HasSlotShape(declared)
            && (declared is not IFieldSymbol || syntax is VariableDeclaratorSyntax { Initializer: null, Parent: VariableDeclarationSyntax { Variables.Count: 1 } })
            && compilation.GetTypeByMetadataName(GenericLogger) is not null
            && compilation.GetTypeByMetadataName(LoggerExtensions) is not null;
    }

    /// <summary>
    /// The symbol's side of <see cref="MayBecomeLogger"/>, which the fix asks again of every slot a value moves between: a
    /// private instance field, or a plain parameter of an instance constructor, of a class that is not a record.
    /// </summary>
    public static bool HasSlotShape(ISymbol declared) => declared switch
    {
        IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsStatic: false, IsConst: false, IsImplicitlyDeclared: false, ContainingType: { TypeKind: TypeKind.Class, IsRecord: false } } => true,
        IParameterSymbol { RefKind: RefKind.None, IsParams: false, HasExplicitDefaultValue: false, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, ContainingType: { TypeKind: TypeKind.Class, IsRecord: false } } } => true,
        _ => false,
    };
}
