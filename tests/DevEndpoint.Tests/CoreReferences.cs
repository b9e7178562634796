using System.Reflection;
using System.Reflection.Emit;

namespace DevEndpoint.Tests;

/// <summary>
/// Which areas of an assembly use which: every type of the assembly, with what its base type, interfaces, fields,
/// method signatures, local variables and method bodies name. An area is the first namespace segment under the root
/// namespace (<c>Loading</c> for <c>DevEndpoint.Loading.Parquet</c>); the root namespace is an area of its own.
/// </summary>
internal static class CoreReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Each pair of different areas where the first uses the second, with one example of a use.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Between(Assembly assembly, string root)
    {
        var references = new Dictionary<(string From, string To), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (Area(type, root) is not { } from)
            {
                continue;
            }

            foreach (var used in Used(type).SelectMany(Parts).Where(t => t.Assembly == assembly))
            {
                if (Area(used, root) is { } to && to != from)
                {
                    references.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return references;
    }

    /// <summary>The area of a type, or <c>null</c> for a type outside the root namespace (compiler-generated helpers).</summary>
    public static string? Area(Type type, string root)
    {
        var name = type.Namespace;
        if (name == root)
        {
            return root;
        }

        return name is not null && name.StartsWith(root + ".", StringComparison.Ordinal) ? name[(root.Length + 1)..].Split('.')[0] : null;
    }

    private static IEnumerable<Type> Used(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var face in type.GetInterfaces())
        {
            yield return face;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in Body(type, method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The locals of a method and the types, methods and fields its IL names.</summary>
    private static IEnumerable<Type> Body(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = type.IsGenericTypeDefinition ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var operand = Operands[code];
            if (operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var used in Named(member))
                {
                    yield return used;
                }
            }

            at += Size(operand, il, at);
        }
    }

    private static IEnumerable<Type> Named(MemberInfo? member)
    {
        switch (member)
        {
            case Type named:
                yield return named;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                if (called.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (called is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                break;
        }
    }

    private static int Size(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>A type and the types it is made of: element types of arrays and references, type arguments.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.IsGenericParameter)
        {
            return [];
        }

        if (type.HasElementType)
        {
            return Parts(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? Parts(type.GetGenericTypeDefinition()).Concat(type.GetGenericArguments().SelectMany(Parts))
            : [type];
    }
}
