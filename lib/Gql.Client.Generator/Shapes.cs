using System;
using System.Collections.Generic;
using System.Linq;
using Gql.Language.Ast;

namespace Gql.Client.Generator;

/// <summary>One result field of a shape.</summary>
internal sealed class FieldShape
{
    public FieldShape(string responseName, FieldDef definition, TypeNode type)
    {
        ResponseName = responseName;
        Definition = definition;
        Type = type;
    }

    public string ResponseName { get; }

    public string PropertyName => Naming.Property(ResponseName);

    public FieldDef Definition { get; }

    /// <summary>The field's type, made nullable when every selection of it is conditional (@skip/@include).</summary>
    public TypeNode Type { get; set; }

    public Shape? Child { get; set; }
}

/// <summary>
/// The generated interface of one selection set at one static type (and, in operations, its class): its fields merged
/// from fields, inline fragments and fragment spreads, and the interfaces it extends (fragments, the abstract parent).
/// </summary>
internal sealed class Shape
{
    public Shape(string interfaceName, string prefix, TypeDef type, bool isFragment)
    {
        InterfaceName = interfaceName;
        Prefix = prefix;
        Type = type;
        IsFragment = isFragment;
    }

    public string InterfaceName { get; }

    /// <summary>The name stem of nested shapes.</summary>
    public string Prefix { get; }

    public TypeDef Type { get; }

    public bool IsFragment { get; }

    public List<Shape> Bases { get; } = new List<Shape>();

    public List<FieldShape> Fields { get; } = new List<FieldShape>();

    /// <summary>For abstract static types: one shape per possible object type.</summary>
    public List<Shape> Variants { get; } = new List<Shape>();

    /// <summary>For an operation's abstract shape: the class for object types the generator did not know.</summary>
    public string? FallbackClassName { get; set; }

    /// <summary>The class for an operation's object-typed shape.</summary>
    public string? ClassName { get; set; }

    public FieldShape? FindField(string responseName) => Fields.FirstOrDefault(f => f.ResponseName == responseName);

    public Shape? VariantFor(string typeName) => Variants.FirstOrDefault(v => v.Type.Name == typeName);

    /// <summary>All interfaces this shape extends, transitively, without itself.</summary>
    public IEnumerable<Shape> Ancestors()
    {
        var seen = new HashSet<Shape>();
        var stack = new Stack<Shape>(Bases);
        var result = new List<Shape>();
        while (stack.Count > 0)
        {
            var shape = stack.Pop();
            if (seen.Add(shape))
            {
                result.Add(shape);
                foreach (var b in shape.Bases)
                {
                    stack.Push(b);
                }
            }
        }

        return result;
    }
}

/// <summary>Unique type names in the generated namespace.</summary>
internal sealed class NameRegistry
{
    private readonly HashSet<string> names = new HashSet<string>(StringComparer.Ordinal);

    public string Reserve(string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}

/// <summary>Builds the shapes of fragments and operations.</summary>
internal sealed class ShapeBuilder
{
    private readonly SchemaModel schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> fragments;
    private readonly NameRegistry names;
    private readonly Dictionary<string, Shape> fragmentShapes = new Dictionary<string, Shape>(StringComparer.Ordinal);

    public ShapeBuilder(SchemaModel schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, NameRegistry names)
    {
        this.schema = schema;
        this.fragments = fragments;
        this.names = names;
    }

    /// <summary>Every shape created, in creation order (fragments first when they are built first).</summary>
    public List<Shape> Created { get; } = new List<Shape>();

    public IEnumerable<Shape> FragmentShapes => fragmentShapes.Values;

    public Shape BuildFragment(string name)
    {
        if (fragmentShapes.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var fragment = fragments[name];
        var type = schema.Find(fragment.TypeCondition.Name.Value)!;
        var shape = Build(names.Reserve("I" + Naming.Type(name)), Naming.Type(name), type, new[] { fragment.SelectionSet }, new List<Shape>(), isFragment: true);
        fragmentShapes[name] = shape;
        return shape;
    }

    public Shape BuildOperation(OperationDefinitionNode operation, TypeDef root)
    {
        var name = Naming.Type(operation.Name!.Value);
        var shape = Build(names.Reserve("I" + name + "Result"), name, root, new[] { operation.SelectionSet }, new List<Shape>(), isFragment: false, className: name + "Result");
        return shape;
    }

    private Shape Build(string interfaceName, string prefix, TypeDef type, IReadOnlyList<SelectionSetNode> sets, List<Shape> inheritedBases, bool isFragment, string? className = null)
    {
        var shape = new Shape(interfaceName, prefix, type, isFragment);
        Created.Add(shape);
        if (!isFragment && type.Kind == TypeKind.Object)
        {
            shape.ClassName = names.Reserve(className ?? prefix + "_" + Naming.Type(type.Name));
        }

        var collected = new List<Collected>();
        var spreads = new List<string>();
        Collect(type, sets, collected, spreads, conditional: false);

        foreach (var b in inheritedBases)
        {
            AddBase(shape, b);
        }

        foreach (var spread in spreads)
        {
            var fragmentShape = BuildFragment(spread);
            if (type.Kind == TypeKind.Object && fragmentShape.Type.IsAbstract)
            {
                fragmentShape = fragmentShape.VariantFor(type.Name) ?? fragmentShape;
            }
            else if (type.IsAbstract && fragmentShape.Type != type && !type.Interfaces.Contains(fragmentShape.Type.Name))
            {
                // A fragment on another abstract type (UserError on Error, spread into a union of errors) holds for
                // the known object types only: their variants take it as a base. An object type the client was not
                // generated for may lack its fields, so the abstract shape (and its fallback) does not claim them.
                continue;
            }

            AddBase(shape, fragmentShape);
        }

        foreach (var group in collected.GroupBy(c => c.ResponseName, StringComparer.Ordinal))
        {
            var first = group.First();
            var conditional = group.All(c => c.Conditional);
            var fieldType = conditional && first.Definition.Type is NonNullTypeNode nonNull ? nonNull.Type : first.Definition.Type;
            var field = new FieldShape(group.Key, first.Definition, fieldType);
            shape.Fields.Add(field);
            var childType = schema.Find(SchemaModel.NamedType(first.Definition.Type));
            if (childType is not null && childType.IsComposite)
            {
                var childBases = new List<Shape>();
                foreach (var b in shape.Bases)
                {
                    if (b.FindField(group.Key)?.Child is { } baseChild)
                    {
                        childBases.Add(baseChild);
                    }
                }

                var childSets = group.Select(c => c.Node.SelectionSet).Where(s => s is not null).Select(s => s!).ToList();
                var childPrefix = prefix + "_" + Naming.Type(group.Key);
                field.Child = Build(names.Reserve("I" + childPrefix), childPrefix, childType, childSets, childBases, isFragment);
            }
        }

        if (type.IsAbstract)
        {
            foreach (var possible in schema.PossibleTypes(type))
            {
                var objectType = schema.Find(possible)!;
                var variantBases = new List<Shape> { shape };
                foreach (var b in shape.Bases)
                {
                    if (b.VariantFor(possible) is { } baseVariant)
                    {
                        variantBases.Add(baseVariant);
                    }
                }

                var variantPrefix = prefix + "_" + Naming.Type(possible);
                shape.Variants.Add(Build(names.Reserve("I" + variantPrefix), variantPrefix, objectType, sets, variantBases, isFragment, className: variantPrefix));
            }

            if (!isFragment)
            {
                shape.FallbackClassName = names.Reserve(prefix + "_UnknownType");
            }
        }

        return shape;
    }

    private static void AddBase(Shape shape, Shape b)
    {
        if (b != shape && !shape.Bases.Contains(b))
        {
            shape.Bases.Add(b);
        }
    }

    private void Collect(TypeDef type, IReadOnlyList<SelectionSetNode> sets, List<Collected> collected, List<string> spreads, bool conditional)
    {
        foreach (var set in sets)
        {
            foreach (var selection in set.Selections)
            {
                var isConditional = conditional || selection.Directives.Any(d => d.Name.Value is "skip" or "include");
                switch (selection)
                {
                    case FieldNode field:
                        var definition = schema.FindField(type, field.Name.Value);
                        if (definition is not null)
                        {
                            collected.Add(new Collected(field.Alias?.Value ?? field.Name.Value, field, definition, isConditional));
                        }

                        break;
                    case InlineFragmentNode inline:
                        var condition = inline.TypeCondition is null ? type : schema.Find(inline.TypeCondition.Name.Value);
                        if (condition is not null && schema.Covers(condition, type))
                        {
                            Collect(type, new[] { inline.SelectionSet }, collected, spreads, isConditional);
                        }

                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                        var fragmentType = schema.Find(fragment.TypeCondition.Name.Value);
                        if (fragmentType is not null && schema.Covers(fragmentType, type))
                        {
                            if (!isConditional && !spreads.Contains(spread.Name.Value))
                            {
                                spreads.Add(spread.Name.Value);
                            }

                            Collect(type, new[] { fragment.SelectionSet }, collected, spreads, isConditional);
                        }

                        break;
                }
            }
        }
    }

    private sealed class Collected
    {
        public Collected(string responseName, FieldNode node, FieldDef definition, bool conditional)
        {
            ResponseName = responseName;
            Node = node;
            Definition = definition;
            Conditional = conditional;
        }

        public string ResponseName { get; }

        public FieldNode Node { get; }

        public FieldDef Definition { get; }

        public bool Conditional { get; }
    }
}
