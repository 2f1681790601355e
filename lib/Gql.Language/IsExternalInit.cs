namespace System.Runtime.CompilerServices;

/// <summary>Polyfill that lets netstandard2.0 code declare <c>init</c> accessors.</summary>
internal static class IsExternalInit
{
}
