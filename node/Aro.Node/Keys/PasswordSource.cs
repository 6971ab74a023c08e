namespace Aro.Node.Keys;

/// <summary>
/// Where a keys command gets its password: the first line of <c>--password-file</c> (the line break,
/// \n or \r\n, is not part of it, as with geth's --password), else the terminal with echo off. With
/// neither, the command fails rather than read a password from a pipe by accident.
/// </summary>
internal static class PasswordSource
{
    /// <summary>
    /// Gets the password, or returns false with a message for the user. <paramref name="forNewKey"/>
    /// asks twice at the terminal and refuses an empty password unless <paramref name="allowEmpty"/>;
    /// unlocking an existing key takes whatever password it was made with, empty included.
    /// </summary>
    public static bool TryGet(
        string? passwordFile, IPasswordPrompt prompt, bool forNewKey, bool allowEmpty, out string password, out string problem)
    {
        password = string.Empty;
        problem = string.Empty;
        if (passwordFile is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(passwordFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot read --password-file: {e.Message}";
                return false;
            }

            var end = text.IndexOf('\n', StringComparison.Ordinal);
            password = end < 0 ? text : text[..end];
            if (password.EndsWith('\r'))
            {
                password = password[..^1];
            }
        }
        else if (!prompt.IsInteractive)
        {
            problem = "no --password-file given and stdin is not a terminal to ask for one";
            return false;
        }
        else
        {
            password = prompt.Read(forNewKey ? "New password: " : "Password: ");
            if (forNewKey && prompt.Read("Repeat password: ") != password)
            {
                password = string.Empty;
                problem = "the passwords do not match";
                return false;
            }
        }

        if (forNewKey && password.Length == 0 && !allowEmpty)
        {
            problem = "refusing an empty password (pass --insecure-empty-password if this key guards nothing of value)";
            return false;
        }

        return true;
    }
}
