using System.Diagnostics.CodeAnalysis;

namespace Aro.Consensus.Core;

/// <summary>A <see cref="TimeoutConfig"/> setting breaks a rule of <see cref="TimeoutConfig.Validate"/>.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries the error and the setting.")]
public sealed class TimeoutConfigException : Exception
{
    public TimeoutConfigException(TimeoutConfigError error, string setting, string message)
        : base(message)
    {
        Error = error;
        Setting = setting;
    }

    public TimeoutConfigError Error { get; }

    /// <summary>The <see cref="TimeoutConfig"/> property at fault, e.g. <c>ProposeDelta</c>.</summary>
    public string Setting { get; }
}
