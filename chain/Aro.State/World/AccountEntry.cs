namespace Aro.State.World;

/// <summary>
/// An account in the change overlay. <see cref="Touched"/>: a balance, nonce or storage change hit
/// it, so it is deleted if it ends up empty; an untouched entry (a loaded or imported account) is
/// written as it is.
/// </summary>
internal readonly record struct AccountEntry(Account? Value, bool Touched);
