/** Last line of defence: a render error shows a message and a reload button instead of a blank page. */
import { Component, type ReactNode } from "react";

interface Props {
  title: string;
  reloadLabel: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <div className="fatal" role="alert">
          <h1>{this.props.title}</h1>
          <pre>{this.state.error.message}</pre>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {this.props.reloadLabel}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
