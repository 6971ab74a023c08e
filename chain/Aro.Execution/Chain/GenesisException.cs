using System.Diagnostics.CodeAnalysis;

namespace Aro.Execution.Chain;

/// <summary>A genesis file that does not parse or holds an invalid value; <see cref="Path"/> names the JSON location.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a path and a reason.")]
public sealed class GenesisException : Exception
{
    public GenesisException(string path, string reason)
        : base($"genesis {path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    public GenesisException(string path, string reason, Exception innerException)
        : base($"genesis {path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>JSONPath of the offending value, e.g. <c>$.validators[0].publicKey</c>.</summary>
    public string Path { get; }

    public string Reason { get; }
}
