/**
 * One failing panel or dialog shows a message instead of taking the whole page down (React
 * unmounts everything above an error nobody catches: a white page). `resetKey`: a new value (the
 * design changed, another tab was chosen) tries again.
 */
import { Component, type ReactNode } from 'react';
import { Modal } from './Modal';

interface Props {
  /** What failed, in the user's words: "The All pairs tab". */
  what: string;
  resetKey?: unknown;
  /** For dialogs: the message is shown in a dialog that this closes. */
  onClose?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, onClose } = this.props;
    const body = (
      <div className="error-boundary" role="alert">
        <p>
          {what} failed: {error.message.slice(0, 300)}. The rest of the app works, and your topology is unchanged.
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
    return onClose ? (
      <Modal title={`${what} failed`} onClose={onClose}>
        {body}
      </Modal>
    ) : (
      body
    );
  }
}
