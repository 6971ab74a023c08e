using System.Text;

namespace Aro.Node.Keys;

/// <summary>Asks a person for a password. The console implementation is the only one outside tests.</summary>
internal interface IPasswordPrompt
{
    /// <summary>False when nobody can answer (stdin is a pipe or file): the caller must not wait for input.</summary>
    bool IsInteractive { get; }

    string Read(string prompt);
}

/// <summary>Reads a password from the terminal with echo off; the prompt goes to stderr so stdout stays parseable.</summary>
internal sealed class ConsolePasswordPrompt : IPasswordPrompt
{
    public static readonly ConsolePasswordPrompt Instance = new();

    private ConsolePasswordPrompt()
    {
    }

    public bool IsInteractive => !Console.IsInputRedirected;

    public string Read(string prompt)
    {
        Console.Error.Write(prompt);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (key.KeyChar != '\0')
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
